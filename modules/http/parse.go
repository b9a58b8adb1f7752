package http

import "strings"

// tokenChar reports whether c may appear in a method or header name
// (RFC 9110 token).
var tokenChar [256]bool

func init() {
	for c := '0'; c <= '9'; c++ {
		tokenChar[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		tokenChar[c] = true
		tokenChar[c-'a'+'A'] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		tokenChar[c] = true
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// parseHead parses a request head (request line, headers, blank line).
// Anything malformed is an *httpError: the server answers it, JS never
// sees it.
func (c *conn) parseHead(b []byte) (*incoming, error) {
	// One string for the whole head; every field is a substring of it.
	head := string(b)
	req := &incoming{contentLength: 0}
	line, rest := cutLine(head)
	// Request line: METHOD SP target SP HTTP/x.y
	sp1 := strings.IndexByte(line, ' ')
	if sp1 <= 0 {
		return nil, &httpError{400}
	}
	method := line[:sp1]
	for i := 0; i < len(method); i++ {
		if !tokenChar[method[i]] {
			return nil, &httpError{400}
		}
	}
	rest1 := line[sp1+1:]
	sp2 := strings.LastIndexByte(rest1, ' ')
	if sp2 <= 0 {
		return nil, &httpError{400}
	}
	target, proto := rest1[:sp2], rest1[sp2+1:]
	if len(proto) != 8 || !strings.HasPrefix(proto, "HTTP/") || proto[6] != '.' ||
		proto[5] < '0' || proto[5] > '9' || proto[7] < '0' || proto[7] > '9' {
		return nil, &httpError{400}
	}
	req.major, req.minor = int(proto[5]-'0'), int(proto[7]-'0')
	if req.major != 1 {
		return nil, &httpError{505}
	}
	if !validTarget(target) {
		return nil, &httpError{400}
	}
	req.method, req.target = method, target

	// Headers.
	var (
		hdrs      = req.hdrBuf[:0]
		clSeen    bool
		teChunked bool
		teSeen    bool
		connClose bool
		connKeep  bool
		connUpg   bool
		upgrade   bool
	)
	maxCount := int(c.s.maxHeadersCount.Load())
	for rest != "" {
		line, rest = cutLine(rest)
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			return nil, &httpError{400} // obsolete line folding
		}
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			return nil, &httpError{400}
		}
		name := line[:colon]
		for i := 0; i < len(name); i++ {
			if !tokenChar[name[i]] {
				return nil, &httpError{400}
			}
		}
		value := strings.Trim(line[colon+1:], " \t")
		for i := 0; i < len(value); i++ {
			if ch := value[i]; ch < 0x20 && ch != '\t' || ch == 0x7f {
				return nil, &httpError{400}
			}
		}
		if maxCount > 0 && len(hdrs) >= maxCount {
			continue // node drops headers beyond maxHeadersCount
		}
		hdrs = append(hdrs, header{name, value})
		switch len(name) {
		case 14:
			if strings.EqualFold(name, "content-length") {
				n, ok := parseLength(value)
				if !ok || clSeen && n != req.contentLength {
					return nil, &httpError{400}
				}
				clSeen = true
				req.contentLength = n
			}
		case 17:
			if strings.EqualFold(name, "transfer-encoding") {
				teSeen = true
				last := value
				if i := strings.LastIndexByte(value, ','); i >= 0 {
					last = strings.Trim(value[i+1:], " \t")
				}
				teChunked = strings.EqualFold(last, "chunked")
			}
		case 10:
			if strings.EqualFold(name, "connection") {
				for _, tok := range strings.Split(value, ",") {
					tok = strings.Trim(tok, " \t")
					switch {
					case strings.EqualFold(tok, "close"):
						connClose = true
					case strings.EqualFold(tok, "keep-alive"):
						connKeep = true
					case strings.EqualFold(tok, "upgrade"):
						connUpg = true
					}
				}
			}
		case 7:
			if strings.EqualFold(name, "upgrade") {
				upgrade = true
			}
		case 6:
			if strings.EqualFold(name, "expect") && strings.EqualFold(value, "100-continue") {
				req.expect100 = true
			}
		}
	}
	_ = connUpg
	if teSeen {
		if clSeen || !teChunked {
			return nil, &httpError{400}
		}
		req.contentLength = -1
	}
	req.hdrs = hdrs
	req.upgrade = upgrade
	if req.minor == 0 {
		req.keepAlive = connKeep && !connClose
	} else {
		req.keepAlive = !connClose
	}
	return req, nil
}

func cutLine(s string) (line, rest string) {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return s, ""
	}
	line, rest = s[:i], s[i+1:]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, rest
}

func parseLength(s string) (int64, bool) {
	if s == "" || len(s) > 15 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	return n, true
}

// validTarget checks a request target: no control characters or spaces,
// and every '%' followed by two hex digits.
func validTarget(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		ch := t[i]
		if ch <= ' ' || ch == 0x7f {
			return false
		}
		if ch == '%' {
			if i+2 >= len(t) {
				return false
			}
			if !isHex(t[i+1]) || !isHex(t[i+2]) {
				return false
			}
		}
	}
	return true
}
