package all

import _ "gonode/modules/redis"
