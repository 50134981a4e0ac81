#!/usr/bin/env python3
"""Builds src/main/resources/lexicons/cskpi/lexicon-es.tsv, the curated Spanish lexicon.

Each entry is a list of Spanish forms and a source for their valence (VADER's -4..4 scale):
  an English word  -> VADER's mean valence of that word (a translation of VADER, MIT)
  "very:WORD"      -> VADER's valence of WORD moved 0.293 away from 0 (VADER's booster step), for
                      superlatives such as "malísimo"
  "afinn"          -> the form's value in the machine-translated AFINN-es (MIT / AFINN Apache-2.0),
                      times 0.8 (AFINN -5..5 to VADER -4..4); only used where that translation is right
  a number         -> set by hand (domain words that neither VADER nor AFINN-es has right)
Forms are separated by spaces; "_" joins the words of a multiword form ("vale_la_pena").
Run from the module directory: python3 tools/build_es_lexicon.py [path to shared/data/lexicons]
"""
import json, os, sys

ENTRIES = """
bueno buena buenos buenas buen|good
mejor mejores|better
excelente excelentes excelencia|excellent
genial geniales|great
estupendo estupenda estupendos estupendas|wonderful
maravilloso maravillosa maravillosos maravillosas maravilla|marvelous
fantástico fantástica fantásticos fantásticas|fantastic
increíble increíbles|amazing
impresionante impresionantes|impressive
espectacular espectaculares|amazing
perfecto perfecta perfectos perfectas|perfect
perfectamente|perfectly
impecable impecables|flawless
ideal ideales|ideal
bonito bonita bonitos bonitas lindo linda lindos lindas|pretty
hermoso hermosa hermosos hermosas precioso preciosa preciosos preciosas|beautiful
agradable agradables|pleasant
cómodo cómoda cómodos cómodas|comfortable
cómodamente|comfortably
incómodo incómoda incómodos incómodas|uncomfortable
elegante elegantes|elegant
divino divina|divine
favorito favorita favoritos favoritas|favorite
encantador encantadora|charming
divertido divertida|fun
aceptable aceptables|acceptable
correcto correcta|fine
satisfactorio satisfactoria|satisfactory
útil útiles|useful
inútil inútiles|useless
eficiente eficientes eficaz eficaces|efficient
eficiencia|efficiency
efectivo efectiva|effective
fácil fáciles fácilmente|easy
difícil difíciles|difficult
complicado complicada complicados complicadas confuso confusa|confusing
amable amables amigable amigables|friendly
amabilidad|kindness
simpático simpática simpáticos simpáticas|nice
atento atenta atentos atentas|thoughtful
cortesía cortés|courtesy
calidez|warmth
confianza|trust
alegre alegres|cheerful
feliz felices|happy
contento contenta contentos contentas|glad
encantado encantada encantados encantadas|delighted
satisfecho satisfecha satisfechos satisfechas|satisfied
insatisfecho insatisfecha insatisfechos insatisfechas|dissatisfied
agradecido agradecida agradecidos agradecidas|grateful
gracias|thanks
agradezco agradecemos|thank
felicidades felicitaciones enhorabuena|congratulations
encanta encantan encantó encantaron|love
amo amor|love
adoro|adore
gusta gustan gustó gustaron gustaría|like
disfruté disfrutamos|enjoyed
disfrutar|enjoy
recomiendo recomendaría recomendamos recomendar|recommend
recomendable recomendables recomendado recomendada recomendados|recommended
placer|pleasure
éxito|success
exitoso exitosa|successful
bien|well
justo justa|fair
injusto injusta injustos injustas|unfair
solución soluciones|solution
solucionado solucionada solucionaron solucionó resuelto resuelta resolvieron resolvió|solved
ayuda|help
ayudó ayudaron|help
guay chévere bacán|cool
sorpresa|surprise
vale_la_pena merece_la_pena|worth
malo mala malos malas|bad
mal|badly
peor peores|worse
pésimo pésima pésimos pésimas|worst
malísimo malísima malísimos malísimas|very:bad
buenísimo buenísima buenísimos buenísimas|very:good
horrible horribles horroroso horrorosa|horrible
terrible terribles|terrible
espantoso espantosa|awful
feo fea feos feas|ugly
mediocre mediocres deficiente deficientes|poor
pobre|poor
regular|-0.5
decepcionado decepcionada decepcionados decepcionadas|disappointed
decepción decepciones|disappointment
decepcionante decepcionantes|disappointing
frustrante frustrantes|frustrating
frustración|frustration
frustrado frustrada|frustrated
molesto molesta molestos molestas|annoyed
molestia molestias|annoyance
enojado enojada enfadado enfadada|angry
indignado indignada|outraged
furioso furiosa|furious
harto harta hartos|-1.8
triste tristes|sad
preocupado preocupada|worried
preocupante|worrying
odio odiar|hate
grosero grosera groseros groseras maleducado maleducada|rude
antipático antipática antipáticos|unfriendly
desagradable desagradables|unpleasant
irrespetuoso irrespetuosa|-1.8
problema problemas|problem
inconveniente inconvenientes|inconvenience
queja quejas reclamo reclamos reclamación reclamaciones|complaint
error errores|error
falla fallas fallo fallos|fault
fracaso|failure
falló fallaron fallido fallida|failed
defecto defectos|defect
defectuoso defectuosa defectuosos defectuosas|defective
roto rota rotos rotas averiado averiada estropeado estropeada|broken
rompió rompieron|broke
dañado dañada dañados dañadas|damaged
sucio sucia sucios sucias|dirty
limpio limpia|clean
incorrecto incorrecta incorrectos equivocado equivocada|wrong
perdido perdida perdidos extraviado extraviada|lost
pérdida|loss
desperdicio|waste
cancelado cancelada|cancelled
fraude|fraud
estafa estafas estafador timo|scam
engaño|deception
desastre desastroso desastrosa|disaster
basura porquería|crap
lamentable lamentables|lamentable
patético patética|pathetic
vergüenza|shame
vergonzoso vergonzosa|shameful
inaceptable inaceptables|unacceptable
ridículo ridícula|ridiculous
asco|disgust
asqueroso asquerosa|disgusting
abusivo abusiva abusivos abusivas|abusive
peligroso peligrosa|dangerous
lamentablemente desafortunadamente|unfortunately
ignoran ignoraron ignorado ignorada|ignored
retraso retrasos demora demoras|delay
retrasado retrasada demorado demorada|delayed
inestable|unstable
rápido rápida rápidos rápidas rápidamente veloz rapidez|afinn:rápido
rapidísimo rapidísima|1.9
lento lenta lentos lentas lentamente lentitud|afinn:lento
lentísimo lentísima|-1.9
caro cara caros caras costoso costosa|-1.2
carísimo carísima carísimos carísimas|-1.5
económico económica económicos económicas|1.0
confiable confiables fiable fiables|1.5
profesional profesionales profesionalismo|1.5
puntual puntuales|1.5
intuitivo intuitiva|1.3
resistente resistentes duradero duradera|1.3
suave suaves|1.0
funciona funcionan funcionó funcionaron|1.0
sirve sirven sirvió|1.0
cumple cumplen cumplió|1.0
nulo nula|-1.5
"""

def main(base):
    vader = {}
    for line in open(os.path.join(base, 'vader-en/vader_lexicon.txt'), encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        vader[cols[0].lower()] = float(cols[1])
    afinn = {k.lower(): v for k, v in json.load(open(os.path.join(base, 'multilang-afinn-es-pt/AFINN-es.json'), encoding='utf-8')).items() if k}
    out, seen = [], set()
    for line in ENTRIES.strip().splitlines():
        forms, src = line.split('|')
        for form in [f.replace('_', ' ') for f in forms.split()]:
            if src.startswith('very:'):
                v = vader[src[5:]]; v += 0.293 if v > 0 else -0.293; origin = 'vader:' + src
            elif src.startswith('afinn'):
                v = afinn[src[6:] if ':' in src else form] * 0.8; origin = 'afinn-es'
            elif src[0].isdigit() or src[0] == '-':
                v = float(src); origin = 'hand'
            else:
                v = vader[src]; origin = 'vader:' + src
            if form in seen: raise SystemExit('duplicate ' + form)
            seen.add(form); out.append(f'{form}\t{v:.2f}\t{origin}')
    path = 'src/main/resources/lexicons/cskpi/lexicon-es.tsv'
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# Curated Spanish lexicon for customer feedback: form<TAB>valence (-4..4)<TAB>origin.\n')
        f.write('# Generated by tools/build_es_lexicon.py; see ../SOURCE.md.\n')
        f.write('\n'.join(out) + '\n')
    print(len(out), 'entries ->', path)

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../../../shared/data/lexicons')
