package runtime

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Builtin builds a native module's exports. It runs once, on the loop
// goroutine, the first time a script requires the module; until then the
// module costs nothing at start-up.
type Builtin func(l *Loop) (goja.Value, error)

var (
	builtinsMu sync.Mutex
	builtins   = map[string]Builtin{}
)

// Register makes a native module available to require(name) (and to
// require("node:"+name)). Modules call it from their init function.
func Register(name string, b Builtin) {
	builtinsMu.Lock()
	defer builtinsMu.Unlock()
	if _, dup := builtins[name]; dup {
		panic("runtime: module registered twice: " + name)
	}
	builtins[name] = b
}

// BuiltinNames lists the registered native modules, sorted.
func BuiltinNames() []string {
	builtinsMu.Lock()
	defer builtinsMu.Unlock()
	names := make([]string, 0, len(builtins))
	for n := range builtins {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lookupBuiltin(name string) (Builtin, bool) {
	builtinsMu.Lock()
	defer builtinsMu.Unlock()
	b, ok := builtins[name]
	return b, ok
}

type moduleSystem struct {
	l       *Loop
	cache   *goja.Object // require.cache: resolved filename -> module
	natives map[string]goja.Value
	loading map[string]bool // natives under construction (cycle guard)
	paths   *goja.Object    // require.paths, shared by every require
	main    goja.Value
	sources map[string]string // module sources, for error reports
	// legacyMain maps a file chosen through package.json "exports" to the
	// package's "main" file when the two differ. Packages keep "main" for
	// engines without "exports"; when goja cannot compile the modern
	// target (async generators, say), require falls back to it.
	legacyMain map[string]string
	exts       *goja.Object // require.extensions
}

// The CommonJS wrapper keeps the source on its original lines: the header
// has no newline, so line numbers in stacks match the file.
const wrapHead = "(function (exports, require, module, __filename, __dirname) {"
const wrapTail = "\n})"

func newModuleSystem(l *Loop) *moduleSystem {
	m := &moduleSystem{
		l:       l,
		cache:   l.VM.NewObject(),
		natives: map[string]goja.Value{},
		loading: map[string]bool{},
		sources: map[string]string{},

		legacyMain: map[string]string{},
	}
	var paths []any
	if np := os.Getenv("NODE_PATH"); np != "" {
		for _, p := range filepath.SplitList(np) {
			if p != "" {
				paths = append(paths, p)
			}
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		paths = append(paths, filepath.Join(home, ".node_libraries"), filepath.Join(home, ".node_modules"))
	}
	m.paths = l.VM.NewArray(paths...)
	sourceLine = func(file string, line int) string {
		if src, ok := m.sources[file]; ok {
			return lineOf(src, line)
		}
		return ""
	}
	return m
}

// RequireBuiltin returns the exports of the native module name, building it
// on first use.
func (l *Loop) RequireBuiltin(name string) (goja.Value, error) {
	m := l.modules
	if v, ok := m.natives[name]; ok {
		return v, nil
	}
	b, ok := lookupBuiltin(name)
	if !ok {
		return nil, fmt.Errorf("no built-in module %q", name)
	}
	if m.loading[name] {
		return nil, fmt.Errorf("built-in module %q requires itself while loading", name)
	}
	m.loading[name] = true
	defer delete(m.loading, name)
	v, err := b(l)
	if err != nil {
		return nil, fmt.Errorf("loading module %q: %w", name, err)
	}
	m.natives[name] = v
	return v, nil
}

// MustRequire is RequireBuiltin for Go code that cannot go on without the
// module; a failure becomes a JS exception.
func (l *Loop) MustRequire(name string) *goja.Object {
	v, err := l.RequireBuiltin(name)
	if err != nil {
		panic(l.NewError(err.Error()))
	}
	return v.(*goja.Object)
}

// EvalModule runs src (CommonJS, for a built-in module written in JS) and
// returns its module.exports. binding is passed as the sixth wrapper
// argument, "binding": the module's native half.
func (l *Loop) EvalModule(name, src string, binding goja.Value) (goja.Value, error) {
	prg, err := compileWrapped("node:"+name, "(function (exports, require, module, __filename, __dirname, binding) {", src, wrapTail, true)
	if err != nil {
		return nil, err
	}
	fnv, err := l.VM.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnv)
	module := l.VM.NewObject()
	exports := l.VM.NewObject()
	module.Set("exports", exports)
	module.Set("id", name)
	req := l.modules.makeRequire("", module)
	if binding == nil {
		binding = goja.Undefined()
	}
	if _, err := fn(exports, exports, req, module, l.VM.ToValue(name), l.VM.ToValue(""), binding); err != nil {
		return nil, err
	}
	return module.Get("exports"), nil
}

// NewRequire returns a require function that resolves relative to
// filename, as node's module.createRequire does. It shares the module
// cache with every other require.
func (l *Loop) NewRequire(filename string) goja.Value {
	return l.modules.makeRequire(filename, nil)
}

// RunMain loads file as the main module (require.main).
func (l *Loop) RunMain(file string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return fmt.Errorf("Cannot find module '%s'", abs)
	}
	if st.IsDir() {
		f, ferr := l.modules.tryDir(abs)
		if ferr != nil || f == "" {
			return fmt.Errorf("Cannot find module '%s'", abs)
		}
		abs = f
	}
	_, err = l.modules.load(abs, goja.Null(), true)
	return err
}

// RunEval runs code as the main script of `gonode -e`, in a module scope
// whose filename is "[eval]", with require resolving from the working
// directory. It returns the completion value (for `gonode -p`).
func (l *Loop) RunEval(code string) (goja.Value, error) {
	cwd, _ := os.Getwd()
	l.modules.main = l.installEvalGlobals(filepath.Join(cwd, "[eval]"), "[eval]")
	l.modules.sources["[eval]"] = code
	prg, err := compileWrapped("[eval]", "", code, "", false)
	if err != nil {
		return nil, err
	}
	return l.VM.RunProgram(prg)
}

func (m *moduleSystem) newModule(filename string, parent goja.Value) *goja.Object {
	vm := m.l.VM
	module := vm.NewObject()
	module.Set("id", filename)
	module.Set("filename", filename)
	module.Set("path", filepath.Dir(filename))
	module.Set("loaded", false)
	module.Set("exports", vm.NewObject())
	module.Set("parent", parent)
	module.Set("children", vm.NewArray())
	module.Set("paths", vm.ToValue(nodeModulesPaths(filepath.Dir(filename))))
	if p, ok := parent.(*goja.Object); ok {
		if ch, ok := p.Get("children").(*goja.Object); ok {
			push, _ := goja.AssertFunction(ch.Get("push"))
			push(ch, module)
		}
	}
	return module
}

// load runs the file at filename (already resolved) as a module, once.
func (m *moduleSystem) load(filename string, parent goja.Value, isMain bool) (goja.Value, error) {
	if cached := m.cache.Get(filename); cached != nil && !goja.IsUndefined(cached) {
		return cached.(*goja.Object).Get("exports"), nil
	}
	vm := m.l.VM
	module := m.newModule(filename, parent)
	if isMain {
		module.Set("id", ".")
		m.main = module
	}
	m.cache.Set(filename, module)
	ok := false
	defer func() {
		if !ok {
			m.cache.Delete(filename)
		}
	}()
	src, err := os.ReadFile(filename)
	if err != nil {
		return nil, fmt.Errorf("reading module %s: %w", filename, err)
	}
	if strings.HasSuffix(filename, ".json") {
		var x any
		if err := json.Unmarshal(src, &x); err != nil {
			return nil, fmt.Errorf("%s: Unexpected token in JSON: %v", filename, err)
		}
		v, err := vm.RunString("(" + string(src) + ")")
		if err != nil {
			return nil, err
		}
		module.Set("exports", v)
	} else {
		text := string(src)
		if strings.HasPrefix(text, "#!") {
			text = "//" + text[2:]
		}
		m.sources[filename] = text
		prg, err := compileWrapped(filename, wrapHead, text, wrapTail, false)
		if err != nil {
			return nil, err
		}
		fnv, err := vm.RunProgram(prg)
		if err != nil {
			return nil, err
		}
		fn, _ := goja.AssertFunction(fnv)
		exports := module.Get("exports")
		req := m.makeRequire(filename, module)
		if _, err := fn(exports, exports, req, module, vm.ToValue(filename), vm.ToValue(filepath.Dir(filename))); err != nil {
			return nil, err
		}
	}
	module.Set("loaded", true)
	ok = true
	return module.Get("exports"), nil
}

// makeRequire builds the require function a module sees.
func (m *moduleSystem) makeRequire(filename string, module *goja.Object) *goja.Object {
	vm := m.l.VM
	dir := ""
	if filename != "" {
		dir = filepath.Dir(filename)
	}
	require := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0)
		if _, isStr := id.Export().(string); !isStr {
			panic(m.l.TypeError("ERR_INVALID_ARG_TYPE", `The "id" argument must be of type string. Received `+describe(id)))
		}
		v, err := m.require(id.String(), dir, filename, module)
		if err != nil {
			panic(m.toJSError(err))
		}
		return v
	}).(*goja.Object)
	resolve := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0)
		if _, isStr := id.Export().(string); !isStr {
			panic(m.l.TypeError("ERR_INVALID_ARG_TYPE", `The "request" argument must be of type string. Received `+describe(id)))
		}
		req := id.String()
		// options.paths: resolve as if required from each of those folders,
		// first hit wins (node's require.resolve(request, {paths})).
		var from []string
		if opts, ok := call.Argument(1).(*goja.Object); ok {
			if ps, ok := opts.Get("paths").(*goja.Object); ok {
				if arr, ok := ps.Export().([]any); ok {
					for _, p := range arr {
						if s, ok := p.(string); ok {
							from = append(from, s)
						}
					}
				}
			}
		}
		if len(from) == 0 {
			from = []string{dir}
		}
		var native, file string
		var err error
		for _, d := range from {
			native, file, err = m.resolve(req, d, filename)
			if err == nil {
				break
			}
		}
		if err != nil {
			panic(m.toJSError(err))
		}
		if native != "" {
			return vm.ToValue(req) // node keeps the spelling: "node:path" stays
		}
		return vm.ToValue(file)
	}).(*goja.Object)
	// resolve.paths(request): where a package request would be looked up;
	// null for built-ins.
	resolve.Set("paths", func(call goja.FunctionCall) goja.Value {
		req := call.Argument(0).String()
		name, _ := strings.CutPrefix(req, "node:")
		if _, ok := lookupBuiltin(name); ok {
			return goja.Null()
		}
		d := dir
		if d == "" {
			d, _ = os.Getwd()
		}
		if isPathRequest(req) {
			return vm.ToValue([]any{d})
		}
		var out []any
		for _, p := range nodeModulesPaths(d) {
			out = append(out, p)
		}
		for _, p := range m.searchPaths() {
			out = append(out, p)
		}
		return vm.NewArray(out...)
	})
	require.Set("resolve", resolve)
	require.Set("extensions", m.extensions())
	require.Set("cache", m.cache)
	require.Set("paths", m.paths)
	require.DefineAccessorProperty("main", vm.ToValue(func(goja.FunctionCall) goja.Value {
		if m.main == nil {
			return goja.Undefined()
		}
		return m.main
	}), nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	if module != nil {
		module.Set("require", require)
	}
	return require
}

// extensions is require.extensions, shared by every require: node's three
// loaders, present so packages that inspect or extend it find it (gonode's
// loader itself does not consult it).
func (m *moduleSystem) extensions() *goja.Object {
	if m.exts == nil {
		vm := m.l.VM
		m.exts = vm.NewObject()
		for _, ext := range []string{".js", ".json", ".node"} {
			ext := ext
			m.exts.Set(ext, func(call goja.FunctionCall) goja.Value {
				if ext == ".node" {
					panic(m.l.NewError("gonode cannot load native addons (.node)"))
				}
				mod, _ := call.Argument(0).(*goja.Object)
				file := call.Argument(1).String()
				if mod == nil {
					return goja.Undefined()
				}
				v, err := m.load(file, goja.Null(), false)
				if err != nil {
					panic(m.toJSError(err))
				}
				mod.Set("exports", v)
				return goja.Undefined()
			})
		}
	}
	return m.exts
}

// toJSError makes sure what require throws is a JS value.
func (m *moduleSystem) toJSError(err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var nf *notFoundError
	if errors.As(err, &nf) {
		e := m.l.ErrorWithCode("MODULE_NOT_FOUND", nf.Error())
		stack := []any{}
		if nf.from != "" {
			stack = append(stack, nf.from)
		}
		e.Set("requireStack", m.l.VM.NewArray(stack...))
		return e
	}
	var ce *codedError
	if errors.As(err, &ce) {
		if ce.typeErr {
			return m.l.TypeError(ce.code, ce.msg)
		}
		return m.l.ErrorWithCode(ce.code, ce.msg)
	}
	var se *SyntaxError
	if errors.As(err, &se) {
		return m.l.syntaxErrorValue(err)
	}
	return m.l.NewError(err.Error())
}

type notFoundError struct{ request, from string }

func withFrom(err error, from string) error {
	if nf, ok := err.(*notFoundError); ok {
		nf.from = from
	}
	return err
}

func (e *notFoundError) Error() string {
	if e.from == "" {
		return fmt.Sprintf("Cannot find module '%s'", e.request)
	}
	return fmt.Sprintf("Cannot find module '%s'\nRequire stack:\n- %s", e.request, e.from)
}

func (m *moduleSystem) require(request, dir, from string, parent *goja.Object) (goja.Value, error) {
	native, file, err := m.resolve(request, dir, from)
	if err != nil {
		return nil, err
	}
	if native != "" {
		return m.l.RequireBuiltin(native)
	}
	var p goja.Value = goja.Null()
	if parent != nil {
		p = parent
	}
	v, err := m.load(file, p, false)
	var se *SyntaxError
	if alt := m.legacyMain[file]; alt != "" && errors.As(err, &se) && strings.Contains(se.Message, "not supported") {
		return m.load(alt, p, false)
	}
	return v, err
}

// resolve finds what request names, seen from dir: a native module name or
// an absolute file name.
func (m *moduleSystem) resolve(request, dir, from string) (native, file string, err error) {
	if request == "" {
		return "", "", &codedError{"ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''", true}
	}
	if name, ok := strings.CutPrefix(request, "node:"); ok {
		if _, ok := lookupBuiltin(name); ok {
			return name, "", nil
		}
		return "", "", &codedError{"ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: " + request, false}
	}
	if _, ok := lookupBuiltin(request); ok {
		return request, "", nil
	}
	if dir == "" {
		dir, _ = os.Getwd()
	}
	if isPathRequest(request) {
		target := request
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, request)
		}
		if f, _ := m.tryFileOrDir(target); f != "" {
			return "", f, nil
		}
		return "", "", &notFoundError{request, from}
	}
	// A package: node_modules up the tree, then require.paths.
	for _, nm := range nodeModulesPaths(dir) {
		if f, err := m.tryPackage(nm, request); f != "" || err != nil {
			return "", f, withFrom(err, from)
		}
	}
	for _, p := range m.searchPaths() {
		if f, err := m.tryPackage(p, request); f != "" || err != nil {
			return "", f, withFrom(err, from)
		}
	}
	return "", "", &notFoundError{request, from}
}

func isPathRequest(r string) bool {
	return r == "." || r == ".." || strings.HasPrefix(r, "./") || strings.HasPrefix(r, "../") || strings.HasPrefix(r, "/")
}

func (m *moduleSystem) searchPaths() []string {
	var out []string
	if arr, ok := m.paths.Export().([]any); ok {
		for _, p := range arr {
			if s, ok := p.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// nodeModulesPaths lists dir/node_modules and those of every parent.
func nodeModulesPaths(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}

// tryPackage resolves "name" or "name/sub/path" inside one search folder,
// honouring package.json "exports" when the package has it: a package with
// "exports" hides every subpath it does not list (node's
// ERR_PACKAGE_PATH_NOT_EXPORTED), and the search stops there.
func (m *moduleSystem) tryPackage(base, request string) (string, error) {
	name, sub := request, ""
	parts := strings.SplitN(request, "/", 3)
	if strings.HasPrefix(request, "@") && len(parts) >= 2 {
		name = parts[0] + "/" + parts[1]
		if len(parts) == 3 {
			sub = parts[2]
		}
	} else if i := strings.IndexByte(request, '/'); i >= 0 {
		name, sub = request[:i], request[i+1:]
	}
	pkgDir := filepath.Join(base, name)
	if pkg := readPackageJSON(pkgDir); pkg != nil && pkg.Exports != nil {
		f, listed := resolveExports(pkgDir, "."+prefixSlash(sub), pkg.Exports)
		if f != "" {
			if sub == "" && pkg.Main != "" {
				if main := tryFile(filepath.Join(pkgDir, pkg.Main)); main != "" && main != f {
					m.legacyMain[f] = main
				}
			}
			return f, nil
		}
		if listed {
			return "", &notFoundError{request: request}
		}
		pj := filepath.Join(pkgDir, "package.json")
		if sub == "" {
			return "", &codedError{"ERR_PACKAGE_PATH_NOT_EXPORTED", `No "exports" main defined in ` + pj, false}
		}
		return "", &codedError{"ERR_PACKAGE_PATH_NOT_EXPORTED", "Package subpath './" + sub + `' is not defined by "exports" in ` + pj, false}
	}
	f, _ := m.tryFileOrDir(filepath.Join(base, request))
	return f, nil
}

// codedError is a resolution failure node reports with an error code
// other than MODULE_NOT_FOUND.
type codedError struct {
	code, msg string
	typeErr   bool
}

func (e *codedError) Error() string { return e.msg }

func prefixSlash(s string) string {
	if s == "" {
		return ""
	}
	return "/" + s
}

type packageJSON struct {
	Main    string `json:"main"`
	Exports any    `json:"exports"`
}

func readPackageJSON(dir string) *packageJSON {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil
	}
	var p packageJSON
	if json.Unmarshal(b, &p) != nil {
		return nil
	}
	return &p
}

// conditions gonode matches in package.json "exports", in priority order of
// the package's own listing (node's rule: the first listed key that is one
// of ours wins).
var conditions = map[string]bool{"require": true, "node": true, "default": true, "gonode": true}

// resolveExports returns the file subpath maps to; when it maps to a
// target whose file is missing, file is "" and listed is true (node then
// says MODULE_NOT_FOUND rather than "not exported").
func resolveExports(pkgDir, subpath string, exports any) (file string, listed bool) {
	// exports: "./x.js" | [..] | {conditions} | {"./sub": target}
	if obj, ok := exports.(map[string]any); ok {
		isSubpathMap := false
		for k := range obj {
			if strings.HasPrefix(k, ".") {
				isSubpathMap = true
			}
			break
		}
		if isSubpathMap {
			if t, ok := obj[subpath]; ok {
				return exportTarget(pkgDir, t, ""), hasTarget(t)
			}
			// Patterns: "./features/*": "./src/features/*.js"
			best := ""
			for k := range obj {
				if i := strings.IndexByte(k, '*'); i >= 0 && strings.HasPrefix(subpath, k[:i]) && strings.HasSuffix(subpath, k[i+1:]) && len(k) > len(best) {
					best = k
				}
			}
			if best != "" {
				i := strings.IndexByte(best, '*')
				star := subpath[i : len(subpath)-len(best[i+1:])]
				return exportTarget(pkgDir, obj[best], star), hasTarget(obj[best])
			}
			return "", false
		}
	}
	if subpath != "." {
		return "", false
	}
	return exportTarget(pkgDir, exports, ""), hasTarget(exports)
}

// hasTarget reports whether an exports target names a file for one of
// gonode's conditions (a null target, or only "import", names none).
func hasTarget(t any) bool {
	switch x := t.(type) {
	case string:
		return true
	case []any:
		for _, e := range x {
			if hasTarget(e) {
				return true
			}
		}
	case map[string]any:
		for c, v := range x {
			if conditions[c] && hasTarget(v) {
				return true
			}
		}
	}
	return false
}

func exportTarget(pkgDir string, t any, star string) string {
	switch x := t.(type) {
	case string:
		x = strings.ReplaceAll(x, "*", star)
		f := filepath.Join(pkgDir, x)
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			return f
		}
	case []any:
		for _, e := range x {
			if f := exportTarget(pkgDir, e, star); f != "" {
				return f
			}
		}
	case map[string]any:
		// JSON objects lose key order in Go maps; walk the keys in a fixed
		// preference order instead, which matches how packages list them.
		for _, c := range []string{"gonode", "require", "node", "default"} {
			if v, ok := x[c]; ok && conditions[c] {
				if f := exportTarget(pkgDir, v, star); f != "" {
					return f
				}
			}
		}
	}
	return ""
}

// tryFileOrDir applies node's file then directory rules to p.
func (m *moduleSystem) tryFileOrDir(p string) (string, error) {
	if f := tryFile(p); f != "" {
		return f, nil
	}
	return m.tryDir(p)
}

func tryFile(p string) string {
	for _, cand := range []string{p, p + ".js", p + ".json", p + ".cjs"} {
		if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
			return cand
		}
	}
	return ""
}

func (m *moduleSystem) tryDir(p string) (string, error) {
	st, err := os.Stat(p)
	if err != nil || !st.IsDir() {
		return "", err
	}
	if pkg := readPackageJSON(p); pkg != nil && pkg.Main != "" {
		main := filepath.Join(p, pkg.Main)
		if f := tryFile(main); f != "" {
			return f, nil
		}
		if f := tryIndex(main); f != "" {
			return f, nil
		}
	}
	return tryIndex(p), nil
}

func tryIndex(p string) string {
	for _, cand := range []string{"index.js", "index.json"} {
		f := filepath.Join(p, cand)
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
			return f
		}
	}
	return ""
}
