package all

import _ "gonode/modules/buffer"
