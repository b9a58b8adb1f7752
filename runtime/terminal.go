package runtime

import "golang.org/x/sys/unix"

// IsTerminal reports whether the descriptor fd is a terminal (node's
// tty.isatty). The REPL, process.stdin/stdout and the tty module ask it.
func IsTerminal(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}
