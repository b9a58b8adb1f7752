package all

import _ "gonode/modules/nodemisc"
