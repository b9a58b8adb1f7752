package all

import _ "gonode/modules/web"
