package posix_test

import "fmt"

func fmtSscanf(s string, before, after *int) (int, error) {
	return fmt.Sscanf(s, "before=%d after=%d\n", before, after)
}
