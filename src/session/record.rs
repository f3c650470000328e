//! [`Session::document`]: what a session driven from Rust (or by `sdkhost run`) did, as a transcript document of the
//! type `replay --out` writes.

use super::document::{Document, Inputs, Summary};
use super::imp::Session;

impl Session {
    /// The record of this session as a transcript document named `name`, the type `replay --out` writes: `inputs`,
    /// every event, the final cookie jar and the summary (no steps, no expectations). Reading the final jar records
    /// the cookies that expired by now, so take the document once, when the session is over.
    pub fn document(&mut self, name: impl Into<String>, inputs: Inputs) -> Document {
        let final_jar = self.final_jar();
        let transcript = self.transcript();
        let summary = Summary::of(&transcript, 0, &[], None, self.now()).budget(self.budget_exceeded());
        Document {
            format: crate::transcript::FORMAT,
            name: name.into(),
            inputs,
            events: transcript.entries().to_vec(),
            final_jar,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::clock::DEFAULT_START;
    use crate::net::Policy;
    use crate::sdk;
    use crate::session::{PageTemplate, TransportKind};

    #[test]
    fn the_document_holds_every_event_the_final_jar_and_a_summary_of_them() {
        let mut session = Session::builder().seed(3).script(sdk::CE_SCRIPT_URL, "ce.js", sdk::REFERENCE_SDK).build();
        let page = PageTemplate { scripts: vec![("snippet.js".into(), sdk::snippet("k"))], title: "Shop".into() };
        session.load_with("https://shop.example/", page, String::new()).expect("load");
        session.call_sdk(&[json!({"trackingOptIn": true})]).expect("opt in");
        session.call_sdk(&[json!("track"), json!("Viewed Page")]).expect("track");
        session.advance(1_000).expect("advance");
        let inputs = Inputs::new(3, DEFAULT_START, 0, &[], Policy::default(), TransportKind::Stub);
        let document = session.document("run https://shop.example/", inputs);
        assert_eq!(document.name, "run https://shop.example/");
        assert_eq!(document.format, crate::transcript::FORMAT);
        let events = serde_json::to_value(&document.events).expect("json");
        let transcript = serde_json::to_value(session.transcript().entries()).expect("json");
        assert_eq!(events, transcript, "every event, and nothing after the jar was read");
        assert!(document.final_jar.iter().any(|c| c.name == "ce.tracking-opt-in"), "{:?}", document.final_jar);
        let summary = &document.summary;
        assert_eq!((summary.steps, summary.requests, summary.allowed, summary.js_errors), (0, 1, 1, 0));
        assert_eq!(summary.ended_by, None);
    }
}
