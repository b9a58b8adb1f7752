package all

import _ "gonode/modules/querystring"
