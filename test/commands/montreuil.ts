/** A bike-repair association in Montreuil, with long French names and a milestone just missed. */
export const montreuil = `version: 1
language: fr
project:
  title: Gestion des adhésions et des ateliers de réparation
  organisation: Association Solidaire de Montreuil pour la réparation des vélos
lead:
  name: Camille Martin
  skills: { projectManagement: none, facilitation: some }
keyUsers:
  - { id: karim, name: Karim Benali, profile: daily }
  - { id: lea, name: Léa Dubois-Fontaine, profile: daily }
  - { id: sam, name: Samuel Okafor, profile: daily }
  - { id: ollie, name: Ollie Brennan, profile: PROFILE }
needs:
  schedule:
    milestones:
      - { id: M1, name: Choix de l'outil, date: 2027-01-12, done: true }
      - { id: M2, name: Installation, date: 2027-05-01 }
      - { id: M3, name: Formation des bénévoles, date: 2027-03-15 }
poc:
  scores:
    - { candidate: outil-a, by: coach, criterion: C1, score: 3 }
`;
