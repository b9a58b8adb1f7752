// Package url provides node's "url" module: the WHATWG URL and
// URLSearchParams classes (also globals) and the legacy url.parse/format/
// resolve, plus fileURLToPath/pathToFileURL/urlToHttpOptions.
//
// The URL parser is our own JS implementation of the WHATWG state machine.
// goja_nodejs/url was evaluated and not used: it is built on Go's net/url,
// which is RFC 3986, not WHATWG, and it disagreed with node v20 on 40 of
// the 72 lines of our corpus (relative resolution, IPv4/IPv6 hosts, opaque
// paths, origins, whitespace and backslash handling). Only IDNA (UTS #46)
// comes from Go, golang.org/x/net/idna, configured as WHATWG asks.
package url

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	"golang.org/x/net/idna"

	"gonode/runtime"
)

//go:embed url.js
var source string

// whatwgIDNA is UTS #46 with the WHATWG URL settings: non-transitional,
// no STD3 rules, no hyphen checks, bidi and joiner checks on, no DNS
// length limits.
var whatwgIDNA = idna.New(
	idna.MapForLookup(),
	idna.StrictDomainName(false),
	idna.Transitional(false),
	idna.CheckHyphens(false),
	idna.CheckJoiners(true),
	idna.BidiRule(),
	idna.VerifyDNSLength(false),
)

var displayIDNA = idna.New(idna.MapForLookup(), idna.StrictDomainName(false), idna.Transitional(false), idna.CheckHyphens(false))

func init() {
	runtime.Register("url", func(l *runtime.Loop) (goja.Value, error) {
		vm := l.VM
		b := vm.NewObject()
		// toASCII returns the ASCII form of a domain, or null on failure.
		b.Set("toASCII", func(call goja.FunctionCall) goja.Value {
			s, err := whatwgIDNA.ToASCII(call.Argument(0).String())
			if err != nil {
				return goja.Null()
			}
			return vm.ToValue(s)
		})
		// codePoints returns the code points of a string as numbers (lone
		// surrogates arrive as U+FFFD: callers pass USV strings anyway).
		b.Set("codePoints", func(call goja.FunctionCall) goja.Value {
			s := call.Argument(0).String()
			out := make([]any, 0, len(s))
			for _, r := range s {
				out = append(out, int64(r))
			}
			return vm.NewArray(out...)
		})
		b.Set("usv", func(call goja.FunctionCall) goja.Value {
			v := call.Argument(0)
			s := v.String()
			if !strings.ContainsRune(s, utf8.RuneError) {
				return v // no replacement happened (or the input had U+FFFD itself)
			}
			return vm.ToValue(s)
		})
		b.Set("toUnicode", func(call goja.FunctionCall) goja.Value {
			s, _ := displayIDNA.ToUnicode(call.Argument(0).String())
			return vm.ToValue(s)
		})
		return l.EvalModule("url", source, b)
	})
}
