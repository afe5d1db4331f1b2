#![no_main]
//! See `swanilai::domain::round_trip::bundle` for what must hold.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| swanilai::domain::round_trip::bundle(data));
