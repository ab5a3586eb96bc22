package dev.whiteboard.pages;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

@ExtendWith(AppServer.class)
class ChatDebugIT {
    @Test
    void debug() throws Exception {
        String board = Http.as(AppServer.baseUri(), "alice").postJson("api/boards", "{\"title\":\"dbg\"}").json().getString("id");
        try (Browser alice = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD);
             Browser bob = new Browser(AppServer.baseUri()).signIn("bob", Http.DEMO_PASSWORD)) {
            for (Browser b : new Browser[] {alice, bob}) {
                b.open("board.html?id=" + board);
                b.await(d -> "online".equals(d.findElement(By.id("status")).getAttribute("data-state")) ? true : null);
                b.find(By.id("chat-toggle")).click();
                b.script("window.__frames = []; const c = window.whiteboard.connection; const s = c.socket;"
                        + " s.addEventListener('message', (e) => window.__frames.push(e.data));"
                        + " window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));"
                        + " window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && (e.reason.message || JSON.stringify(e.reason)))));");
            }
            alice.find(By.id("chat-text")).sendKeys("hello");
            Thread.sleep(3000);
            alice.find(By.id("chat-text")).sendKeys(org.openqa.selenium.Keys.ENTER);
            Thread.sleep(3000);
            System.out.println("DBG alice frames " + alice.script("return JSON.stringify(window.__frames)"));
            System.out.println("DBG alice errors " + alice.script("return JSON.stringify(window.__errors)"));
            System.out.println("DBG bob frames " + bob.script("return JSON.stringify(window.__frames)"));
            System.out.println("DBG bob errors " + bob.script("return JSON.stringify(window.__errors)"));
            System.out.println("DBG bob chat " + bob.find(By.id("chat")).getText());
            System.out.println("DBG alice chat " + alice.find(By.id("chat")).getText());
        }
    }
}
