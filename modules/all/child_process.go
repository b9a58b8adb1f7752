package all

import _ "gonode/modules/child_process"
