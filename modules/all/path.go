package all

import _ "gonode/modules/path"
