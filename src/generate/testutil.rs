//! A small builder for hand-made facts in unit tests.

use crate::model::{Fact, FactId, FactKind, Value};

/// Values a test may write as `"1969-07-20"` or `5e9`.
pub trait IntoValue {
    fn into_value(self) -> Value;
}

impl IntoValue for &str {
    fn into_value(self) -> Value {
        Value::Text(self.to_string())
    }
}

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        Value::Number(self)
    }
}

/// A fact under construction.
pub struct FactBuilder(Fact);

/// Starts a fact of `kind` stating `text` (= `value`) in document `doc`.
pub fn fact(doc: &str, kind: FactKind, text: &str, value: impl IntoValue) -> FactBuilder {
    FactBuilder(Fact {
        id: FactId(String::new()),
        doc: doc.to_string(),
        kind,
        text: text.to_string(),
        value: value.into_value(),
        currency: (kind == FactKind::Money).then(|| "USD".to_string()),
        qualifier: None,
        unit: (kind == FactKind::Percent).then(|| "percent".to_string()),
        speaker: None,
        speaker_role: None,
        outlet: None,
        sentence: format!("The figure was {text} that year."),
        line: 1,
        start: 0,
        end: text.len(),
        page: None,
    })
}

impl FactBuilder {
    pub fn sentence(mut self, s: &str) -> Self {
        self.0.sentence = s.to_string();
        self
    }
    pub fn line(mut self, n: usize) -> Self {
        self.0.line = n;
        self
    }
    pub fn speaker(mut self, s: &str) -> Self {
        self.0.speaker = Some(s.to_string());
        self
    }
    pub fn unit(mut self, u: &str) -> Self {
        self.0.unit = Some(u.to_string());
        self
    }
    #[allow(dead_code)]
    pub fn currency(mut self, c: &str) -> Self {
        self.0.currency = Some(c.to_string());
        self
    }
    pub fn qualifier(mut self, q: &str) -> Self {
        self.0.qualifier = Some(q.to_string());
        self
    }
    /// The finished fact, with its content-hash id.
    pub fn build(mut self) -> Fact {
        let f = &self.0;
        self.0.id = FactId::of(f.kind, &f.value, &f.text, &f.sentence);
        self.0
    }
}
