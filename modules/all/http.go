package all

import _ "gonode/modules/http"
