// Shows the server's health and version on the placeholder page.
const target = document.getElementById("health");

try {
    const response = await fetch("/health", { headers: { Accept: "application/json" } });
    const health = await response.json();
    target.textContent = `${health.status} (${health.app_name} ${health.version})`;
} catch {
    target.textContent = "unreachable";
}
