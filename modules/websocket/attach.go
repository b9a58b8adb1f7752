package websocket

import (
	"errors"
	"net/http"

	"github.com/dop251/goja"
)

// attach hands upgrade requests of an http server to hook. It is replaced
// by the http module's AddUpgradeHook once that module exists.
var attach = func(srv *goja.Object, hook func(http.ResponseWriter, *http.Request) bool) error {
	return errors.New("attaching to an http server needs the http module")
}
