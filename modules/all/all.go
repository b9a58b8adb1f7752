// Package all links every gonode JS module into the binary. Each module
// registers itself with the runtime in its init function; importing this
// package is how cmd/gonode (and tests) get them all.
package all

import (
	_ "gonode/modules/events"
	_ "gonode/modules/sys"
	_ "gonode/modules/util"
)
