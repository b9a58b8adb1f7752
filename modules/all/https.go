package all

import _ "gonode/modules/https"
