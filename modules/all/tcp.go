package all

import _ "gonode/modules/tcp"
