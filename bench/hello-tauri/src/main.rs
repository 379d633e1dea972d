//! A bare Tauri 2 window showing one static page: the floor the kiosk is measured against.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("hello-tauri runs");
}
