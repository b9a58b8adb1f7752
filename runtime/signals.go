package runtime

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Default signal actions, as node has them.
//
// Node resets every signal to its default action when it starts (SIGPIPE
// and SIGXFSZ excepted: ignored) and only a JS listener replaces that
// action. A Go program differs in three ways a user sees:
//   - SIGHUP and SIGINT stay ignored when the parent ignored them, which a
//     non-interactive shell does for `gonode server.js &`: kill -INT left
//     gonode running where node ends;
//   - SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU, SIGIO and SIGPWR, whose default
//     action ends a process, are caught by the Go runtime and dropped;
//   - SIGQUIT prints every goroutine's stack and exits with status 2,
//     where node dies of the signal (core).
//
// TakeSignalDefaults (cmd/gonode calls it at start) subscribes to those
// signals; one that arrives while no JS listener watches it (watchSignal
// keeps the flags) ends the process by that signal, as the kernel's
// default action would: its handler is set back to SIG_DFL and the
// signal raised again, so the parent sees "killed by SIGINT" as it would
// for node. SIGTERM is in the set for the same path (the Go runtime would
// end the process too). SIGUSR1 is not: node keeps it for its inspector
// and survives it, and so does gonode.
var defaultActionSignals = []syscall.Signal{
	unix.SIGHUP, unix.SIGINT, unix.SIGQUIT, unix.SIGTERM, unix.SIGUSR2, unix.SIGALRM,
	unix.SIGVTALRM, unix.SIGXCPU, unix.SIGIO, unix.SIGPWR,
}

// jsWatching[sig] is set while process listeners handle sig (watchSignal).
var jsWatching [65]atomic.Bool

// sigintHook, when set, is SIGINT's action while no JS listener watches it,
// instead of ending the process: the REPL on a terminal (StartREPL). It
// runs on the signal goroutine.
var sigintHook atomic.Pointer[func()]

func setSIGINTHook(f func()) { sigintHook.Store(&f) }

// TakeSignalDefaults gives the signals above node's default actions for the
// rest of the process, and makes SIGPIPE node's too: ignored, so a write
// to a closed pipe fails with EPIPE (process.stdout's 'error', as in
// `gonode script.js | head`) instead of killing the process, which is
// what Go does for standard output and error. It is subscribed to, not
// set to SIG_IGN, so child processes still start with the default action,
// as node's do. Safe to call once, before the script runs.
func TakeSignalDefaults() {
	ch := make(chan os.Signal, 8)
	sigs := []os.Signal{unix.SIGPIPE}
	for _, s := range defaultActionSignals {
		sigs = append(sigs, s)
	}
	signal.Notify(ch, sigs...)
	go func() {
		for s := range ch {
			sig, ok := s.(syscall.Signal)
			if !ok || sig == unix.SIGPIPE || int(sig) >= len(jsWatching) || jsWatching[sig].Load() {
				continue // SIGPIPE: nothing to do; else a listener's own subscription delivers it
			}
			if hook := sigintHook.Load(); hook != nil && sig == unix.SIGINT {
				(*hook)()
				continue
			}
			dieBySignal(sig)
		}
	}()
}

// dieBySignal ends the process with sig's default action (what the Go
// runtime does for its fatal signals): the handler becomes SIG_DFL, the
// signal is sent again, and if the process is somehow still there after a
// second it exits with the shell's code for that signal.
func dieBySignal(sig syscall.Signal) {
	var act [4]uintptr // struct sigaction, all zero: SIG_DFL, no flags, empty mask
	unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
	unix.Kill(os.Getpid(), sig)
	time.Sleep(time.Second)
	os.Exit(128 + int(sig))
}
