package all

import _ "gonode/modules/tls"
