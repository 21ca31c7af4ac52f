//! Canvas: an IMS QTI 1.2 package (.zip) as Canvas's "Import Course Content"
//! (QTI .zip file) reads it, laid out as text2qti lays out its packages:
//! `imsmanifest.xml`; a folder named for the assessment holding the QTI
//! assessment (`<id>.xml`) and Canvas's quiz settings (`assessment_meta.xml`).
//!
//! Multiple-choice and who-said cards are `multiple_choice_question`,
//! true/false cards `true_false_question`, fill-in and short-answer cards
//! `short_answer_question` (Canvas's "Fill in the blank") with every accepted
//! form; each is worth one point. Text is HTML, escaped for XML.

use super::fit::{LeftOut, accepted_answers, html_text, question_lines};
use super::gift::title;
use super::{Export, LmsOptions, escape_xml};
use crate::error::{Error, Result};
use crate::model::{Card, CardType, Deck, content_hash};
use std::fmt::Write as _;

/// Points each question is worth.
pub const POINTS: u32 = 1;

/// The assessment's identifier: a hash of the title and the cards it holds.
fn assessment_id(title: &str, deck: &Deck) -> String {
    let mut parts: Vec<&str> = vec![title];
    parts.extend(deck.cards.iter().map(|c| c.id.0.as_str()));
    format!("factdeck_assessment_{}", content_hash(&parts))
}

/// Renders the deck as a QTI package.
pub fn render(deck: &Deck, opts: &LmsOptions) -> Result<Export> {
    let id = assessment_id(&opts.title, deck);
    let mut items = String::with_capacity(deck.cards.len() * 1500);
    let mut left_out = LeftOut::default();
    let mut n = 0;
    for card in &deck.cards {
        match item(card, n + 1) {
            Ok(x) => {
                n += 1;
                items.push_str(&x);
            }
            Err(why) => left_out.add(why),
        }
    }
    let title = escape_xml(&super::fit::one_line(&opts.title));
    let assessment = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<questestinterop xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd\">\n\
  <assessment ident=\"{id}\" title=\"{title}\">\n\
    <qtimetadata>\n\
      <qtimetadatafield>\n        <fieldlabel>cc_maxattempts</fieldlabel>\n        <fieldentry>1</fieldentry>\n      </qtimetadatafield>\n\
    </qtimetadata>\n\
    <section ident=\"root_section\">\n{items}    </section>\n  </assessment>\n</questestinterop>\n"
    );
    let points = format!("{:.1}", f64::from(POINTS) * n as f64);
    let description = escape_xml(&html_text(&deck.deck.description));
    let meta = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<quiz identifier=\"{id}\" xmlns=\"http://canvas.instructure.com/xsd/cccv1p0\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd\">\n\
  <title>{title}</title>\n\
  <description>{description}</description>\n\
  <shuffle_answers>false</shuffle_answers>\n\
  <scoring_policy>keep_highest</scoring_policy>\n\
  <hide_results></hide_results>\n\
  <quiz_type>assignment</quiz_type>\n\
  <points_possible>{points}</points_possible>\n\
  <show_correct_answers>true</show_correct_answers>\n\
  <anonymous_submissions>false</anonymous_submissions>\n\
  <could_be_locked>false</could_be_locked>\n\
  <allowed_attempts>1</allowed_attempts>\n\
  <one_question_at_a_time>false</one_question_at_a_time>\n\
  <cant_go_back>false</cant_go_back>\n\
  <available>false</available>\n\
  <one_time_results>false</one_time_results>\n\
  <show_correct_answers_last_attempt>false</show_correct_answers_last_attempt>\n\
  <only_visible_to_overrides>false</only_visible_to_overrides>\n\
  <module_locked>false</module_locked>\n\
  <assignment identifier=\"{id}_assignment\">\n\
    <title>{title}</title>\n\
    <workflow_state>unpublished</workflow_state>\n\
    <quiz_identifierref>{id}</quiz_identifierref>\n\
    <points_possible>{points}</points_possible>\n\
    <grading_type>points</grading_type>\n\
    <submission_types>online_quiz</submission_types>\n\
  </assignment>\n\
  <assignment_group_identifierref>{id}_assignment_group</assignment_group_identifierref>\n\
</quiz>\n"
    );
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<manifest identifier=\"{id}_manifest\" xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\" \
xmlns:imsmd=\"http://www.imsglobal.org/xsd/imsmd_v1p2\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd\">\n\
  <metadata>\n    <schema>IMS Content</schema>\n    <schemaversion>1.1.3</schemaversion>\n\
    <imsmd:lom>\n      <imsmd:general>\n        <imsmd:title>\n          <imsmd:string>{title}</imsmd:string>\n        </imsmd:title>\n      </imsmd:general>\n    </imsmd:lom>\n  </metadata>\n\
  <organizations/>\n\
  <resources>\n\
    <resource identifier=\"{id}\" type=\"imsqti_xmlv1p2\">\n\
      <file href=\"{id}/{id}.xml\"/>\n\
      <dependency identifierref=\"{id}_dependency\"/>\n\
    </resource>\n\
    <resource identifier=\"{id}_dependency\" type=\"associatedcontent/imscc_xmlv1p1/learning-application-resource\" href=\"{id}/assessment_meta.xml\">\n\
      <file href=\"{id}/assessment_meta.xml\"/>\n\
    </resource>\n\
  </resources>\n</manifest>\n"
    );
    let bytes = zip_package(&[
        ("imsmanifest.xml".to_string(), manifest),
        (format!("{id}/{id}.xml"), assessment),
        (format!("{id}/assessment_meta.xml"), meta),
    ])
    .map_err(|e| Error::Other(format!("cannot write the QTI package: {e}")))?;
    Ok(Export {
        bytes,
        warnings: Vec::new(),
        written: Some(n),
        left_out,
    })
}

fn zip_package(files: &[(String, String)]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // Level 1: most of deflate's saving at a fraction of its time.
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // text2qti's packages carry this empty folder; Canvas's own exports put
    // quizzes it cannot describe in Common Cartridge terms there.
    zip.add_directory("non_cc_assessments/", options)?;
    for (name, text) in files {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// HTML as a QTI `mattext`: a paragraph, escaped for XML.
fn mattext(html: &str) -> String {
    format!(
        "<mattext texttype=\"text/html\">{}</mattext>",
        escape_xml(&format!("<p>{html}</p>"))
    )
}

/// One card as a QTI item.
fn item(card: &Card, n: usize) -> Result<String, String> {
    let qid = format!("factdeck_question_{}", card.id);
    let (kind, meta, body, correct): (&str, String, String, Vec<String>) = match card.card_type {
        CardType::MultipleChoice | CardType::WhoSaid | CardType::TrueFalse => {
            let ch = super::fit::choices(card, usize::MAX, None)?;
            let kind = if card.card_type == CardType::TrueFalse {
                "true_false_question"
            } else {
                "multiple_choice_question"
            };
            let ids: Vec<String> = (0..ch.options.len())
                .map(|i| format!("factdeck_choice_{}_{}", card.id, i + 1))
                .collect();
            let mut b = String::from(
                "          <response_lid ident=\"response1\" rcardinality=\"Single\">\n            <render_choice>\n",
            );
            for (cid, o) in ids.iter().zip(&ch.options) {
                let _ = write!(
                    b,
                    "              <response_label ident=\"{cid}\">\n                <material>\n                  {}\n                </material>\n              </response_label>\n",
                    mattext(&html_text(o))
                );
            }
            b.push_str("            </render_choice>\n          </response_lid>\n");
            let meta = format!(
                "            <qtimetadatafield>\n              <fieldlabel>original_answer_ids</fieldlabel>\n              <fieldentry>{}</fieldentry>\n            </qtimetadatafield>\n",
                ids.join(",")
            );
            (kind, meta, b, vec![ids[ch.correct].clone()])
        }
        CardType::Cloze | CardType::ShortAnswer => {
            let all = accepted_answers(card);
            if all.is_empty() {
                return Err("no answer".into());
            }
            let b = "          <response_str ident=\"response1\" rcardinality=\"Single\">\n            <render_fib>\n              <response_label ident=\"answer1\" rshuffle=\"No\"/>\n            </render_fib>\n          </response_str>\n".to_string();
            ("short_answer_question", String::new(), b, all)
        }
    };
    let mut x = String::with_capacity(1500);
    let _ = write!(
        x,
        "      <item ident=\"{qid}\" title=\"{}\">\n        <itemmetadata>\n          <qtimetadata>\n\
            <qtimetadatafield>\n              <fieldlabel>question_type</fieldlabel>\n              <fieldentry>{kind}</fieldentry>\n            </qtimetadatafield>\n\
            <qtimetadatafield>\n              <fieldlabel>points_possible</fieldlabel>\n              <fieldentry>{POINTS}</fieldentry>\n            </qtimetadatafield>\n\
{meta}            <qtimetadatafield>\n              <fieldlabel>assessment_question_identifierref</fieldlabel>\n              <fieldentry>{qid}_ref</fieldentry>\n            </qtimetadatafield>\n\
          </qtimetadata>\n        </itemmetadata>\n        <presentation>\n          <material>\n            {}\n          </material>\n{body}        </presentation>\n",
        escape_xml(&title(n, card)),
        mattext(&html_text(&question_lines(card))),
    );
    x.push_str(
        "        <resprocessing>\n          <outcomes>\n            <decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>\n          </outcomes>\n          <respcondition continue=\"No\">\n            <conditionvar>\n",
    );
    for c in &correct {
        let _ = writeln!(
            x,
            "              <varequal respident=\"response1\">{}</varequal>",
            escape_xml(c)
        );
    }
    x.push_str(
        "            </conditionvar>\n            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n          </respcondition>\n        </resprocessing>\n      </item>\n",
    );
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::anki::tests::card;
    use crate::render::html::test_support::deck;
    use std::io::Read;

    #[test]
    fn package_holds_manifest_assessment_and_canvas_settings() {
        let mut mc = card(CardType::MultipleChoice, "How <b>much</b>?", "$5");
        mc.options = vec!["$4".into(), "$5".into()];
        let mut sa = card(CardType::ShortAnswer, "How many?", "37");
        sa.accepted = vec!["thirty-seven".into()];
        let out = render(
            &deck(vec![mc, sa]),
            &LmsOptions {
                title: "Quiz & co".into(),
            },
        )
        .expect("render");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.bytes)).expect("zip");
        let names: Vec<String> = zip
            .file_names()
            .map(|n| n.expect("name").into_owned())
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names.contains(&"non_cc_assessments/".to_string()));
        assert!(names.contains(&"imsmanifest.xml".to_string()));
        let assessment = names
            .iter()
            .find(|n| n.ends_with(".xml") && !n.ends_with("assessment_meta.xml") && n.contains('/'))
            .expect("assessment")
            .clone();
        let mut xml = String::new();
        zip.by_name(&assessment)
            .expect("file")
            .read_to_string(&mut xml)
            .expect("read");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let types: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("fieldentry"))
            .filter_map(|n| n.text())
            .filter(|t| t.ends_with("_question"))
            .collect();
        assert_eq!(types, ["multiple_choice_question", "short_answer_question"]);
        let answers: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("varequal"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(answers.len(), 3, "one choice id, then 37 and thirty-seven");
        assert!(xml.contains("&lt;p&gt;How &amp;lt;b&amp;gt;much"), "{xml}");
    }
}
