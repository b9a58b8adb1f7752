package all

import _ "gonode/modules/crypto"
