//! Code splitting: functions whose code is fetched the first time they are
//! called. Declared before the other modules so `storage` (saved work's
//! reader) and `ui` (the screens) can both split code off the first load.

/// Declares `async fn $name(args) -> Result<$ret, SplitLoaderError>`. With
/// the `split` feature the body's code goes into its own WebAssembly chunk
/// `$chunk`, fetched the first time the function is called, so code most
/// visits never need stays out of the first load; without it the body runs
/// in place.
macro_rules! split_fn {
    ($vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty as $chunk:ident $body:block) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, ::wasm_split_helpers::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, ::wasm_split_helpers::SplitLoaderError> {
            Ok($body)
        }
    };
}
