package all

import _ "gonode/modules/posix"
