fn main() {
    flourish::shell::start(flourish::app::App);
}
