package all

import _ "gonode/modules/readline"
