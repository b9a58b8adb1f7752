package all

import _ "gonode/modules/perf_hooks"
