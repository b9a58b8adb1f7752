// Package https provides gonode's "https" module: http's server and client
// over TLS (gonode/modules/tls for the options and verification, Go's
// crypto/tls underneath). An https.Server is an http.Server whose
// connections are TLS; https.request is http.request with TLS options.
package https

import (
	_ "embed"

	"github.com/dop251/goja"

	"gonode/modules/http"
	"gonode/modules/tls"
	"gonode/runtime"
)

//go:embed https.js
var source string

func init() {
	runtime.Register("https", func(l *runtime.Loop) (goja.Value, error) {
		b := l.VM.NewObject()
		// setTLS(server, options): parse the TLS options (throwing node's
		// errors for bad ones) and make server speak TLS.
		b.Set("setTLS", func(call goja.FunctionCall) goja.Value {
			srv, _ := call.Argument(0).(*goja.Object)
			o, _ := call.Argument(1).(*goja.Object)
			opts := tls.ParseOptions(l, o, true)
			if len(opts.Certs) == 0 {
				panic(l.ErrorWithCode("ERR_TLS_NO_CERT", "gonode: an https server needs key and cert"))
			}
			if err := http.SetTLS(srv, opts.ServerConfig()); err != nil {
				panic(l.NewError(err.Error()))
			}
			return goja.Undefined()
		})
		return l.EvalModule("https", source, b)
	})
}
