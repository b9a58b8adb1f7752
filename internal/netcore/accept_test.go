package netcore

import (
	"net"
	"testing"

	"golang.org/x/sys/unix"
)

// TestAccept4ReadsPeerAddress: our accept4 reports the peer exactly as the
// client sees its own end, for IPv4 and IPv6.
func TestAccept4ReadsPeerAddress(t *testing.T) {
	for _, network := range []string{"tcp4", "tcp6"} {
		t.Run(network, func(t *testing.T) {
			host := "127.0.0.1"
			if network == "tcp6" {
				host = "::1"
			}
			ln, err := net.Listen(network, net.JoinHostPort(host, "0"))
			if err != nil {
				t.Skipf("no %s here: %v", network, err)
			}
			defer ln.Close()
			raw, err := ln.(*net.TCPListener).SyscallConn()
			if err != nil {
				t.Fatal(err)
			}
			client, err := net.Dial(network, ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer client.Close()
			var nfd int
			var sa unix.Sockaddr
			var aerr error
			raw.Control(func(fd uintptr) {
				for {
					nfd, sa, aerr = accept4(int(fd), unix.SOCK_CLOEXEC)
					if aerr != unix.EAGAIN {
						return
					}
				}
			})
			if aerr != nil {
				t.Fatalf("accept4: %v", aerr)
			}
			defer unix.Close(nfd)
			want := client.LocalAddr().(*net.TCPAddr)
			var got net.TCPAddr
			switch a := sa.(type) {
			case *unix.SockaddrInet4:
				got = net.TCPAddr{IP: net.IP(a.Addr[:]), Port: a.Port}
			case *unix.SockaddrInet6:
				got = net.TCPAddr{IP: net.IP(a.Addr[:]), Port: a.Port}
			default:
				t.Fatalf("accept4 gave %T", sa)
			}
			if !got.IP.Equal(want.IP) || got.Port != want.Port {
				t.Fatalf("peer %v, client says %v", &got, want)
			}
		})
	}
}
