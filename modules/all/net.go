package all

import _ "gonode/modules/net"
