//! A small builder for hand-made facts in unit tests.

use crate::model::{Detail, Fact, FactId, FactKind, Statement, Value};

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
        statement: Statement {
            id: FactId(String::new()),
            text: text.to_string(),
            value: value.into_value(),
            detail: match kind {
                FactKind::Money => Detail::Money {
                    currency: Some("USD".to_string()),
                    qualifier: None,
                },
                FactKind::Percent => Detail::Percent {
                    unit: Some("percent".to_string()),
                    qualifier: None,
                },
                _ => Detail::none(kind),
            },
            sentence: format!("The figure was {text} that year."),
        },
        doc: doc.to_string(),
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
        self.set("speaker", s);
        self
    }
    pub fn unit(mut self, u: &str) -> Self {
        self.set("unit", u);
        self
    }
    #[allow(dead_code)]
    pub fn currency(mut self, c: &str) -> Self {
        self.set("currency", c);
        self
    }
    pub fn qualifier(mut self, q: &str) -> Self {
        self.set("qualifier", q);
        self
    }
    /// Sets a kind-specific field; one the kind does not have (a unit on a
    /// money fact) is left out, as no fact can hold it.
    fn set(&mut self, key: &str, v: &str) {
        if let Some(slot) = self.0.detail.slot(key) {
            *slot = Some(v.to_string());
        }
    }
    /// The finished fact, with its content-hash id.
    pub fn build(mut self) -> Fact {
        let f = &self.0;
        self.0.id = FactId::of(f.kind(), &f.value, &f.text, &f.sentence);
        self.0
    }
}
