fn main() {
    leptos::mount::mount_to_body(flourish::app::App);
}
