package all

import _ "gonode/modules/assert"
