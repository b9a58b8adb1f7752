package all

import _ "gonode/modules/tty"
