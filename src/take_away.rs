//! What a person takes away, packed for the address in a QR code and unpacked on their own
//! phone, with the browser's own deflate (`CompressionStream` and `DecompressionStream`,
//! `deflate-raw`), so the wasm carries no compressor. A browser without them writes the
//! payload uncompressed (a bigger code) and, on the phone, says it cannot read a compressed
//! one. The format is in [`crate::domain::take_away`].

use js_sys::{Array, Uint8Array};

use crate::domain::take_away::{
    self, decode, encode, fragment, parse_fragment, Carried, CarryError, Packing,
};
use crate::js::{call, construct, settled};

/// Why bytes could not go through a compression stream.
enum Stream {
    /// The browser has no such stream, or not for `deflate-raw`.
    Missing,
    /// The stream refused the bytes (damaged data, when uncompressing).
    Failed,
}

/// `bytes` through a `CompressionStream` or `DecompressionStream` (`kind`) for `deflate-raw`.
async fn through(kind: &str, bytes: &[u8]) -> Result<Vec<u8>, Stream> {
    let transform = construct(kind, &["deflate-raw".into()]).ok_or(Stream::Missing)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Stream::Failed)?;
    let stream = call(&blob, "stream", &[]).ok_or(Stream::Missing)?;
    let piped = call(&stream, "pipeThrough", &[transform]).ok_or(Stream::Failed)?;
    let response = construct("Response", &[piped]).ok_or(Stream::Failed)?;
    let reading = call(&response, "arrayBuffer", &[]).ok_or(Stream::Failed)?;
    let buffer = settled(reading).await.ok_or(Stream::Failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The address that brings `carried` into Flourish at `base` on the person's phone.
pub async fn address(carried: &Carried, base: &str) -> String {
    let json = encode(carried);
    let packed = match through("CompressionStream", &json).await {
        Ok(deflated) => fragment(&deflated, Packing::Deflated),
        Err(_) => fragment(&json, Packing::Plain),
    };
    take_away::address(base, &packed)
}

/// What the address's fragment carries.
pub async fn read(fragment: &str) -> Result<Carried, CarryError> {
    let (packing, bytes) = parse_fragment(fragment)?;
    let json = match packing {
        Packing::Plain => bytes,
        Packing::Deflated => match through("DecompressionStream", &bytes).await {
            Ok(json) => json,
            Err(Stream::Missing) => return Err(CarryError::CannotUncompress),
            Err(Stream::Failed) => {
                return Err(CarryError::Damaged("it could not be uncompressed".into()))
            }
        },
    };
    decode(&json)
}

/// The page's own address (`https://host`), where the app is served.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
