package all

import _ "gonode/modules/os"
