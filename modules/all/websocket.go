package all

import _ "gonode/modules/websocket"
