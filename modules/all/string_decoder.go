package all

import _ "gonode/modules/string_decoder"
