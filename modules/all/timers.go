package all

import _ "gonode/modules/timers"
