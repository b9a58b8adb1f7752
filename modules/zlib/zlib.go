// Package zlib provides node's "zlib" module over Go's compress/flate,
// compress/zlib and compress/gzip: the deflate/inflate, raw and gzip
// formats as streams (createDeflate …), callbacks and *Sync functions.
// Brotli is not provided (Go's standard library has no brotli).
//
// Compression runs on the loop goroutine (like node's sync calls, it is
// CPU work on bytes the loop owns). Decompression is pull-based in Go
// (an io.Reader), while node's streams push chunks; each inflating stream
// therefore owns a decoder goroutine that reads from a channel-fed reader.
// The loop hands it a chunk and waits until the decoder asks for more
// input: by then every byte decodable from the input so far has been
// produced, which is exactly what node's flush() promises. The decoder
// touches only Go memory, never goja.
package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	_ "embed"
	"errors"
	"hash/crc32"
	"io"
	"sync"

	"github.com/dop251/goja"

	"gonode/modules/buffer"
	"gonode/runtime"
)

//go:embed zlib.js
var source string

func init() {
	runtime.Register("zlib", func(l *runtime.Loop) (goja.Value, error) {
		return l.EvalModule("zlib", source, natives(l))
	})
}

// Format names, as zlib.js passes them.
const (
	fmtZlib = "zlib"
	fmtRaw  = "raw"
	fmtGzip = "gzip"
	fmtAuto = "auto" // unzip: gzip or zlib, by the header
)

type engine interface {
	// write feeds input and returns the output available now.
	write(p []byte) ([]byte, error)
	// flush makes everything written so far decodable (sync flush).
	flush() ([]byte, error)
	// finish ends the stream and returns the rest of the output.
	finish() ([]byte, error)
	// close releases resources without output.
	close()
}

// ---- compression -----------------------------------------------------------

type flusherWriter interface {
	io.WriteCloser
	Flush() error
}

type deflater struct {
	format string
	level  int
	out    bytes.Buffer
	w      flusherWriter
}

func newDeflater(format string, level int) (*deflater, error) {
	d := &deflater{format: format, level: level}
	return d, d.reset()
}

func (d *deflater) reset() error {
	d.out.Reset()
	var err error
	switch d.format {
	case fmtRaw:
		d.w, err = flate.NewWriter(&d.out, d.level)
	case fmtGzip:
		d.w, err = gzip.NewWriterLevel(&d.out, d.level)
	default:
		d.w, err = zlib.NewWriterLevel(&d.out, d.level)
	}
	return err
}

func (d *deflater) take() []byte {
	b := append([]byte(nil), d.out.Bytes()...)
	d.out.Reset()
	return b
}

func (d *deflater) write(p []byte) ([]byte, error) {
	if _, err := d.w.Write(p); err != nil {
		return nil, err
	}
	return d.take(), nil
}

func (d *deflater) flush() ([]byte, error) {
	if err := d.w.Flush(); err != nil {
		return nil, err
	}
	return d.take(), nil
}

func (d *deflater) finish() ([]byte, error) {
	if err := d.w.Close(); err != nil {
		return nil, err
	}
	return d.take(), nil
}

func (d *deflater) close() {}

// ---- decompression -----------------------------------------------------------

type inflater struct {
	format string
	in     chan []byte   // loop -> decoder; closed at finish
	idle   chan struct{} // decoder -> loop: wants input, or ended
	quit   chan struct{} // closed when the decoder goroutine returns
	cur    []byte        // decoder-owned

	mu   sync.Mutex
	out  []byte
	err  error
	done bool
}

func newInflater(format string) *inflater {
	d := &inflater{format: format, in: make(chan []byte), idle: make(chan struct{}, 1), quit: make(chan struct{})}
	go d.run()
	d.wait()
	return d
}

// ReadByte and Read feed the Go decoders; when the current chunk is used
// up they tell the loop (idle) and block for the next one.
func (d *inflater) ReadByte() (byte, error) {
	for len(d.cur) == 0 {
		d.idle <- struct{}{}
		b, ok := <-d.in
		if !ok {
			// End of input: the decoders turn EOF inside a stream into
			// ErrUnexpectedEOF themselves; at a member boundary it is clean.
			return 0, io.EOF
		}
		d.cur = b
	}
	c := d.cur[0]
	d.cur = d.cur[1:]
	return c, nil
}

func (d *inflater) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(d.cur) == 0 {
		c, err := d.ReadByte()
		if err != nil {
			return 0, err
		}
		p[0] = c
		return 1, nil
	}
	n := copy(p, d.cur)
	d.cur = d.cur[n:]
	return n, nil
}

func (d *inflater) run() {
	defer close(d.quit)
	var r io.Reader
	var err error
	format := d.format
	if format == fmtAuto {
		// Peek at the first byte: 0x1f starts a gzip member.
		c, perr := d.ReadByte()
		if perr != nil {
			err = perr
		} else {
			d.cur = append([]byte{c}, d.cur...)
			format = fmtZlib
			if c == 0x1f {
				format = fmtGzip
			}
		}
	}
	if err == nil {
		switch format {
		case fmtRaw:
			r = flate.NewReader(d)
		case fmtGzip:
			err = d.checkGzipMagic()
			if err == nil {
				r, err = gzip.NewReader(d)
			}
		default:
			r, err = zlib.NewReader(d)
		}
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF // no stream at all
	}
	buf := make([]byte, 32*1024)
	for err == nil {
		var n int
		n, err = r.Read(buf)
		if n > 0 {
			d.mu.Lock()
			d.out = append(d.out, buf[:n]...)
			d.mu.Unlock()
		}
	}
	if err == io.EOF {
		err = nil
	}
	d.mu.Lock()
	d.err = err
	d.done = true
	d.mu.Unlock()
	select {
	case d.idle <- struct{}{}:
	default:
	}
}

// checkGzipMagic fails on a wrong first or second byte before the header is
// complete, as zlib does ("incorrect header check", not "unexpected end").
func (d *inflater) checkGzipMagic() error {
	var two [2]byte
	for i := 0; i < 2; i++ {
		c, err := d.ReadByte()
		if err != nil {
			d.cur = append(two[:i:i], d.cur...)
			return err
		}
		two[i] = c
		if (i == 0 && c != 0x1f) || (i == 1 && c != 0x8b) {
			return gzip.ErrHeader
		}
	}
	d.cur = append(two[:], d.cur...)
	return nil
}

// wait blocks the loop until the decoder needs input or has ended.
func (d *inflater) wait() {
	select {
	case <-d.idle:
	case <-d.quit:
	}
}

func (d *inflater) take() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := d.out
	d.out = nil
	return out, d.err
}

func (d *inflater) write(p []byte) ([]byte, error) {
	if len(p) > 0 {
		chunk := append([]byte(nil), p...) // JS memory stays on the loop
		select {
		case d.in <- chunk:
			d.wait()
		case <-d.quit:
		}
	}
	return d.take()
}

func (d *inflater) flush() ([]byte, error) { return d.take() }

func (d *inflater) finish() ([]byte, error) {
	d.mu.Lock()
	done := d.done
	d.mu.Unlock()
	if !done {
		close(d.in)
		<-d.quit
	}
	return d.take()
}

func (d *inflater) close() {
	select {
	case <-d.quit:
	default:
		close(d.in)
	}
}

// ---- errors as node words them -------------------------------------------------

func zlibError(l *runtime.Loop, err error) *goja.Object {
	msg, code, errno := "invalid block type", "Z_DATA_ERROR", -3
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg, code, errno = "unexpected end of file", "Z_BUF_ERROR", -5
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		msg = "incorrect header check"
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		msg = "incorrect data check"
	case errors.Is(err, zlib.ErrDictionary):
		msg, code, errno = "Missing dictionary", "Z_NEED_DICT", 2
	case errors.As(err, &ce):
		msg = "invalid block type"
	}
	e := l.ErrorWithCode(code, msg)
	e.Set("errno", errno)
	return e
}

// ---- natives --------------------------------------------------------------------

func natives(l *runtime.Loop) *goja.Object {
	vm := l.VM
	b := vm.NewObject()
	handles := map[int64]engine{}
	var next int64
	get := func(call goja.FunctionCall) engine {
		e, ok := handles[call.Argument(0).ToInteger()]
		if !ok {
			panic(l.NewError("zlib binding closed"))
		}
		return e
	}
	result := func(out []byte, err error) goja.Value {
		if err != nil {
			panic(zlibError(l, err))
		}
		return buffer.New(l, out)
	}
	// create(mode, format, level) -> handle
	b.Set("create", func(call goja.FunctionCall) goja.Value {
		mode := call.Argument(0).String()
		format := call.Argument(1).String()
		var e engine
		if mode == "deflate" {
			d, err := newDeflater(format, int(call.Argument(2).ToInteger()))
			if err != nil {
				panic(l.TypeError("ERR_OUT_OF_RANGE", err.Error()))
			}
			e = d
		} else {
			e = newInflater(format)
		}
		next++
		handles[next] = e
		return vm.ToValue(next)
	})
	b.Set("write", func(call goja.FunctionCall) goja.Value {
		data, _ := buffer.Bytes(call.Argument(1))
		return result(get(call).write(data))
	})
	b.Set("flush", func(call goja.FunctionCall) goja.Value { return result(get(call).flush()) })
	b.Set("finish", func(call goja.FunctionCall) goja.Value { return result(get(call).finish()) })
	b.Set("reset", func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		switch e := handles[id].(type) {
		case *deflater:
			if err := e.reset(); err != nil {
				panic(zlibError(l, err))
			}
		case *inflater:
			e.close()
			handles[id] = newInflater(e.format)
		}
		return goja.Undefined()
	})
	b.Set("close", func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		if e, ok := handles[id]; ok {
			e.close()
			delete(handles, id)
		}
		return goja.Undefined()
	})
	// oneShot(mode, format, level, data) -> Buffer: the *Sync functions.
	b.Set("oneShot", func(call goja.FunctionCall) goja.Value {
		mode := call.Argument(0).String()
		format := call.Argument(1).String()
		data, _ := buffer.Bytes(call.Argument(3))
		if mode == "deflate" {
			d, err := newDeflater(format, int(call.Argument(2).ToInteger()))
			if err != nil {
				panic(l.TypeError("ERR_OUT_OF_RANGE", err.Error()))
			}
			if _, err := d.w.Write(data); err != nil {
				panic(zlibError(l, err))
			}
			return result(d.finish())
		}
		out, err := inflateAll(format, data)
		return result(out, err)
	})
	b.Set("crc32", func(call goja.FunctionCall) goja.Value {
		data, ok := buffer.Bytes(call.Argument(0))
		if !ok {
			data = []byte(call.Argument(0).String())
		}
		return vm.ToValue(crc32.Update(uint32(call.Argument(1).ToInteger()), crc32.IEEETable, data))
	})
	return b
}

func inflateAll(format string, data []byte) ([]byte, error) {
	if format == fmtAuto {
		format = fmtZlib
		if len(data) > 0 && data[0] == 0x1f {
			format = fmtGzip
		}
	}
	src := bytes.NewReader(data)
	var r io.Reader
	var err error
	switch format {
	case fmtRaw:
		r = flate.NewReader(src)
	case fmtGzip:
		if (len(data) > 0 && data[0] != 0x1f) || (len(data) > 1 && data[1] != 0x8b) {
			return nil, gzip.ErrHeader
		}
		r, err = gzip.NewReader(src)
	default:
		r, err = zlib.NewReader(src)
	}
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return io.ReadAll(r)
}
