package websocket_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// waitText polls the page's message list until it contains want.
func waitText(ctx context.Context, t *testing.T, who, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var text string
	for time.Now().Before(deadline) {
		var err error
		if text, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('log').innerText`)); err != nil {
			t.Fatalf("%s: reading the page: %v", who, err)
		}
		if strings.Contains(text, want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %q never appeared; the page shows:\n%s", who, want, text)
}

// A real browser: two chat pages served by scripts/chat.js; what one types
// appears in the other.
func TestBrowserChat(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("browser test skipped: " + chromium + " is missing (apt-get install -y chromium)")
	}
	t.Parallel()
	p, addr := startChat(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := context.WithTimeout(allocCtx, 90*time.Second)
	defer cancel()
	alice, cancelA := chromedp.NewContext(ctx)
	defer cancelA()
	page := "http://" + addr + "/"
	if err := chromedp.Do(alice, chromedp.Navigate(page)); err != nil {
		t.Fatalf("starting chromium / opening the page: %v", err)
	}
	bob, cancelB := chromedp.NewContext(alice) // a second tab, same browser
	defer cancelB()
	if err := chromedp.Do(bob, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	waitText(alice, t, "alice", "connected")
	waitText(bob, t, "bob", "connected")

	join := func(ctx context.Context, nick string) {
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("nick"), nick),
			chromedp.Click(chromedp.ID("joinButton")),
		); err != nil {
			t.Fatalf("%s joining: %v", nick, err)
		}
	}
	join(alice, "alice")
	join(bob, "bob")
	waitText(alice, t, "alice", "bob joined")

	if err := chromedp.Do(alice,
		chromedp.WaitEnabled(chromedp.ID("text")),
		chromedp.SendKeys(chromedp.ID("text"), "hello from alice's browser"),
		chromedp.Click(chromedp.ID("sendButton")),
	); err != nil {
		t.Fatalf("alice typing: %v", err)
	}
	waitText(bob, t, "bob", "alice: hello from alice's browser")

	if err := chromedp.Do(bob,
		chromedp.WaitEnabled(chromedp.ID("text")),
		chromedp.SendKeys(chromedp.ID("text"), "hi alice\r"), // Enter submits the form
	); err != nil {
		t.Fatalf("bob typing: %v", err)
	}
	waitText(alice, t, "alice", "bob: hi alice")
	if s := p.Stderr(); s != "" {
		t.Fatalf("chat.js wrote to stderr:\n%s", s)
	}
}
