package all

import _ "gonode/modules/stream"
