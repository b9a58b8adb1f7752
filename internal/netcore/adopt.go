package netcore

import (
	"net"

	"github.com/dop251/goja"
)

// Adopt makes a handle for a connection some other Go code accepted or
// dialed (http hands over an upgraded connection): the same handle a
// listen or connect would have made, reading at once. Call it on the loop
// and set the handle's callbacks (wrap it in a JS socket) in the same
// macrotask: chunks read meanwhile wait on the loop's queue until then.
// On error nc is closed.
func (b *Binding) Adopt(nc *net.TCPConn) (*goja.Object, error) {
	fd, remote, err := takeOver(nc)
	if err != nil {
		return nil, err
	}
	c := newConn(b)
	h := b.newHandle(c)
	if err := c.attach(fd, remote); err != nil {
		c.finish(nil)
		return nil, err
	}
	return h, nil
}
