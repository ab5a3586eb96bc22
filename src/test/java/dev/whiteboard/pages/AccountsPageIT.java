package dev.whiteboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whiteboard.testing.AppServer;
import dev.whiteboard.testing.Browser;
import dev.whiteboard.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The accounts pages in a real browser (issue 21, item 4): the administrator (alice, the first account on the
 * embedded default) creates an account on the accounts page and reads its one-time password off it; the new person
 * signs in with it, is taken to choose a password (a rule's refusal shown, then a good one taken), lands on the
 * boards page and is signed in with the new password from then on; the administrator disables the account and the
 * page shows it; someone who does not administer is told so. The sign-in page names the demo accounts as such.
 */
@ExtendWith(AppServer.class)
class AccountsPageIT {

    private static final String GOOD = "a long walk by the river";

    @Test
    void anAdministratorCreatesAnAccountAndTheNewPersonChoosesAPassword() {
        String name = "page" + (System.nanoTime() % 1_000_000_000L);
        String oneTime;
        try (Browser admin = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            admin.open("");
            admin.find(By.id("accounts-link")).click(); // the home page links the administration for alice
            admin.await(d -> d.findElement(By.id("new-card")).isDisplayed() ? true : null);
            admin.find(By.id("new-name")).sendKeys(name);
            admin.find(By.id("new-display-name")).sendKeys("Paula Page");
            admin.find(By.id("new-button")).click();
            WebElement secret = admin.await(d -> {
                WebElement s = d.findElement(By.id("secret"));
                return s.isDisplayed() && !s.getText().isBlank() ? s : null;
            });
            oneTime = secret.getText().strip();
            assertTrue(oneTime.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"), oneTime);
            WebElement row =
                    admin.await(d -> d.findElements(By.cssSelector("#people tr[data-name='" + name + "']")).stream()
                            .findFirst()
                            .orElse(null));
            assertTrue(row.getText().contains("Paula Page"), row.getText());
            assertTrue(row.getText().contains("one-time password pending"), row.getText());
        }

        try (Browser paula = new Browser(AppServer.baseUri())) {
            paula.signIn(name, oneTime);
            paula.await(d -> d.getCurrentUrl().contains("account.html") ? true : null);
            paula.await(d -> d.findElement(By.id("first-time")).isDisplayed() ? true : null);
            paula.find(By.id("current-password")).sendKeys(oneTime);
            paula.find(By.id("new-password")).sendKeys("password1234");
            paula.find(By.id("repeat-password")).sendKeys("password1234");
            paula.find(By.id("password-button")).click();
            WebElement error = paula.await(d -> {
                WebElement e = d.findElement(By.id("password-error"));
                return e.isDisplayed() ? e : null;
            });
            assertTrue(error.getText().contains("commonly used"), error.getText());

            paula.find(By.id("new-password")).clear();
            paula.find(By.id("new-password")).sendKeys(GOOD);
            paula.find(By.id("repeat-password")).clear();
            paula.find(By.id("repeat-password")).sendKeys(GOOD);
            paula.find(By.id("password-button")).click();
            paula.await(d -> !d.getCurrentUrl().contains("account.html") ? true : null);
            paula.await(d -> d.findElement(By.id("who")).getText().contains("Paula Page") ? true : null);
        }
        assertEquals(
                200,
                Http.withPassword(AppServer.baseUri(), name, GOOD)
                        .get("api/boards")
                        .status());

        try (Browser admin = new Browser(AppServer.baseUri()).signIn("alice", Http.DEMO_PASSWORD)) {
            admin.open("accounts.html");
            WebElement disable = admin.await(
                    d -> d.findElements(By.cssSelector("#people tr[data-name='" + name + "'] button")).stream()
                            .filter(b -> b.getText().equals("Disable"))
                            .findFirst()
                            .orElse(null));
            disable.click();
            admin.await(d -> d.findElement(By.cssSelector("#people tr[data-name='" + name + "']"))
                            .getText()
                            .contains("disabled")
                    ? true
                    : null);
        }
        assertEquals(
                401,
                Http.withPassword(AppServer.baseUri(), name, GOOD)
                        .get("api/boards")
                        .status());
    }

    @Test
    void othersAreToldTheyDoNotAdministerAndTheSignInPageNamesTheDemoAccounts() {
        try (Browser bob = new Browser(AppServer.baseUri())) {
            bob.open("signin.html");
            WebElement demo = bob.await(d -> {
                WebElement e = d.findElement(By.id("demo-accounts"));
                return e.isDisplayed() ? e : null;
            });
            assertTrue(
                    demo.getText().contains("Demo accounts") && demo.getText().contains("alice"), demo.getText());
            bob.signIn("bob", Http.DEMO_PASSWORD);
            bob.open("accounts.html");
            WebElement error = bob.await(d -> {
                WebElement e = d.findElement(By.id("list-error"));
                return e.isDisplayed() ? e : null;
            });
            assertTrue(error.getText().contains("Only administrators"), error.getText());
            assertFalse(bob.driver().findElement(By.id("new-card")).isDisplayed());
            bob.open("");
            WebElement own = bob.find(By.id("account-link")); // one's own account for everyone
            assertFalse(bob.driver().findElement(By.id("accounts-link")).isDisplayed());
            own.click();
            WebElement name = bob.await(d -> {
                WebElement e = d.findElement(By.id("display-name"));
                return e.isDisplayed() && !e.getAttribute("value").isBlank() ? e : null;
            });
            assertEquals("Bob Berg", name.getAttribute("value"));
            assertFalse(bob.driver().findElement(By.id("admin-link")).isDisplayed());
        }
    }
}
