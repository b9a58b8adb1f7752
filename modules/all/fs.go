package all

import _ "gonode/modules/fs"
