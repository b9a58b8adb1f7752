package websocket

import (
	nethttp "net/http"

	"github.com/dop251/goja"

	"gonode/modules/http"
)

// attach hands the upgrade requests of a JS http.Server to hook, through
// the http module's upgrade hooks: the hook runs on the connection's
// goroutine before the request reaches JS, so an upgrade costs no loop
// turn until the "connection" event.
func attach(srv *goja.Object, hook func(nethttp.ResponseWriter, *nethttp.Request) bool) error {
	return http.AddUpgradeHook(srv, hook)
}
