package all

import _ "gonode/modules/zlib"
